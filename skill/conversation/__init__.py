"""The service layer: the case state and what the conversation does next."""
