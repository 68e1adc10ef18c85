"""ParsedArticle → brief sections: pure, no I/O."""
