-- Details imports: what /3/movie/{id}?append_to_response=credits,... adds to a movie, and the
-- outcome of each movie of an import (a movie TMDB does not know, or whose details failed, is
-- still an outcome: the import can end, and says which).
alter table movies
    add column top_cast  jsonb,                 -- [{id, name, character}], the first five billed
    add column directors jsonb;                 -- [{id, name}]

alter table import_items
    add column outcome text not null default 'PERSISTED',   -- PERSISTED | NOT_FOUND | FAILED
    add column reason  text;
