"""What the skill says: phrases built from text and dates, rendered to SSML and card text."""
