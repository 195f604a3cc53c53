"""The network explorer's page: template, stylesheet, script and the pinned Cytoscape.js (vendor/), which
tipkg.export inlines into one self-contained HTML file."""
