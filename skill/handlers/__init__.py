"""Request handlers: each translates an Alexa request into one policy call and back into speech."""
