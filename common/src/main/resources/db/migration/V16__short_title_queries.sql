-- Search for a query whose words are all shorter than three characters: Chinese, Japanese and
-- Korean are written without spaces between words, so "千尋" or "東京" is a whole query, and the
-- trigram index of V15 cannot serve "contains" for it (pg_trgm takes no trigram from a word of two
-- characters inside a pattern, and its LIKE scan then reads every entry: 14 s at 1.2M movies).
-- This index holds, for titles with characters beyond ASCII, which of those characters they hold:
-- a title containing the query holds each of its characters, so the titles holding them all are
-- the candidates, and the search's rule is checked on their rows. Titles in ASCII alone are not
-- in it, which keeps it small and its writes few.

-- The distinct characters of a text that are not ASCII.
create function title_characters(text) returns text[]
    language sql immutable parallel safe strict
    return array(select distinct c from regexp_split_to_table($1, '') as c where octet_length(c) > 1);

create index movies_titles_characters on movies using gin (title_characters(fold_titles(title, original_title)))
    where octet_length(fold_titles(title, original_title)) > length(fold_titles(title, original_title));
