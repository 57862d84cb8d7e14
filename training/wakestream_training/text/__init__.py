"""Text sources: wake-phrase forms and confusables (wake), assistant requests (requests), general
English from Debian's fortune databases (general), CMUdict pronunciations (cmudict)."""
