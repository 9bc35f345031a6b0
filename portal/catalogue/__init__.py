"""The municipality's reference content: offers, glossary and case types, loaded by seed-demo
(and, later, kept up to date by the case systems through the API)."""
