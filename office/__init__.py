"""The office side of Infomat: where the kiosks' applications arrive and become cases."""
