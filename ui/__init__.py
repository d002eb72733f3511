"""Qt Quick screens and their view models; services come in from the composition root."""
