-- One trigram index for every title search instead of four. V2 indexed lower(title) and
-- lower(original_title) for the gateway, V13 fold(title) and fold(original_title) for catalog-api:
-- four GIN indexes, each taking a dozen or more entries for every row the persist workers write.
-- Both searches now ask the same thing (docs/catalog-api.md: accents and case aside) of one
-- expression holding both titles. A match found in it that spans the two titles is not a match
-- of either; each search checks its rule on the rows the index gives, so it is left out.

-- Both titles, folded, in one text: the indexed expression.
create function fold_titles(title text, original_title text) returns text
    language sql immutable parallel safe
    return fold(coalesce(title, '') || ' ' || coalesce(original_title, ''));

-- "Contains the text": the text folded as the titles are, as a LIKE pattern whose wildcards are
-- escaped after folding (folding makes some: a full-width percent sign becomes '%').
create function contains_pattern(text) returns text
    language sql immutable parallel safe strict
    return '%' || replace(replace(replace(fold($1), '\', '\\'), '%', '\%'), '_', '\_') || '%';

create index movies_titles_folded_trgm on movies using gin (fold_titles(title, original_title) gin_trgm_ops);

drop index movies_title_trgm;
drop index movies_original_title_trgm;
drop index movies_title_folded_trgm;
drop index movies_original_title_folded_trgm;
