"""Translation memory, read side: fuzzy lookup (`lookup.tm_matches`). Writes are in
`workbench.services.memory` (finished segments) and `workbench.services.exact_matches`."""
