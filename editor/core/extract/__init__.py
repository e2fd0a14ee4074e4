"""Import: documents in, clean located paragraphs and sentences out (no Qt)."""
