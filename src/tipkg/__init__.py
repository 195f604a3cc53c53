"""tipkg: a knowledge graph of the world's coordination against trafficking in persons, read from UN documents."""

__version__ = "0.1.0"
