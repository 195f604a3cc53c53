"""Linked-data publishing: the graph's IRIs dereference by content negotiation (`web.routes`, added to
`tipkg serve`), every resource has an HTML page and RDF files (`describe`, `pages`, `serialize`), the
dataset describes itself in VoID and DCAT (`void`), and `tipkg publish` writes the whole as a static site
(`publish`, over `site`). Choosing a format from an Accept header is `negotiate`.

Nothing is imported here, so that the build, which writes the VoID file, does not load the web layer."""
