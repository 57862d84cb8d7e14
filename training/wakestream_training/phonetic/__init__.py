"""Phonetic models shared by every later stage: the phone set, text to phones (lexicon and G2P), the streaming phone-CTC encoder."""
