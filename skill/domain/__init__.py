"""Domain types the conversation, the policy and the adapters share."""
