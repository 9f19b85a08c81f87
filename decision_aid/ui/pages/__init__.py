"""One module per wizard page. Each page reads the session (content, tailored view, answers) and writes answers."""
