"""The relation rules, one module per family of coordination facts. Importing this package registers
every rule in tipkg.extract.rules.RULES."""
from tipkg.extract.relations import (  # noqa: F401
    campaigns,
    coordination,
    events,
    implementation,
    lineage,
    operations,
    partnerships,
    people,
    publications,
    replies,
    requests,
    sdg,
    treaties,
)
