"""Submission codes: short, random, easy to read aloud and type, with a check character.

A code is 9 random characters and 1 check character from a 23-symbol alphabet, stored and
sent compact (`K7P4MX9RCA`) and shown in two groups (`K7P4M-X9RCA`). It is the idempotency
key of a submission, so it must be unique in the outbox and unlikely to repeat across a
fleet: 23**9 is about 1.8e12 codes (about 41 bits).

The alphabet leaves out what a resident or a clerk mixes up:
- 0/O, 1/I/L, and the letters that look like digits: B (8), G (6), S (5);
- Q and V, which are not Polish letters (residents do not know what to call them);
- one of each pair whose Polish names rhyme when read aloud: B/P ("be"/"pe"),
  D/T ("de"/"te"), M/N ("em"/"en"), U/W ("u"/"wu").
What is left is 8 digits and 15 letters: 23, a prime, which the check character needs.

The check character makes the weighted sum of all ten symbol values (weights 1..10) zero
modulo 23. Because 23 is prime and the weights are distinct and below 23, any single wrong
character and any swap of two characters (neighbours or not) changes the sum, so a typo is
caught before anyone looks the code up.
"""

from __future__ import annotations

ALPHABET = "23456789ACEFHJKMPRTWXYZ"
RANDOM_LENGTH = 9
LENGTH = RANDOM_LENGTH + 1
_MODULUS = len(ALPHABET)
_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
_WEIGHTS = tuple(range(1, LENGTH + 1))
_SEPARATORS = str.maketrans("", "", " \t-_\u2010\u2011\u2012\u2013\u2014\u2212.")


def new_code() -> str:
    """A fresh random code with its check character (compact form)."""
    # Imported here: secrets brings hmac and OpenSSL's hashlib (~6 ms), which the kiosk's
    # first frame (its code entry reads codes, it makes none) does not need.
    import secrets  # noqa: PLC0415

    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return body + check_character(body)


def check_character(body: str) -> str:
    """The symbol that makes the weighted sum of `body` + it zero modulo 23."""
    if len(body) != RANDOM_LENGTH or any(symbol not in _VALUE for symbol in body):
        raise ValueError(f"a code body is {RANDOM_LENGTH} symbols of {ALPHABET}")
    partial = sum(w * _VALUE[s] for w, s in zip(_WEIGHTS, body, strict=False))
    last_weight = _WEIGHTS[-1]
    # value * last_weight == -partial (mod 23); 23 is prime so last_weight has an inverse.
    value = (-partial * pow(last_weight, -1, _MODULUS)) % _MODULUS
    return ALPHABET[value]


def normalise(typed: str) -> str:
    """What a person typed, in compact form: upper case, no spaces or dashes.

    It does not guess at letters outside the alphabet (O for 0 and the like); those
    simply make the code invalid, so a typo is never silently turned into another code.
    """
    return typed.translate(_SEPARATORS).upper()


def is_valid(code: str) -> bool:
    """Whether `code` (typed or compact) is a well-formed code with a matching check."""
    compact = normalise(code)
    if len(compact) != LENGTH or any(symbol not in _VALUE for symbol in compact):
        return False
    total = sum(w * _VALUE[s] for w, s in zip(_WEIGHTS, compact, strict=True))
    return total % _MODULUS == 0


def display(code: str) -> str:
    """The code in two groups of five for receipts and screens: `K7P4M-X9RCA`."""
    compact = normalise(code)
    half = LENGTH // 2
    return f"{compact[:half]}-{compact[half:]}"
