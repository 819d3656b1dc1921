-- A movie's two answers from TMDB kept apart, each with its own fetch time, so that the newest
-- fetch wins per part: an older details answer never overwrites newer details, and a list item
-- never touches what only details carry. payload is the list item as given; details is
-- /3/movie/{id} as given, appended parts included; fetched_at stays the newest fetch of either,
-- which the columns both carry (title, popularity...) follow.
alter table movies
    add column details            jsonb,
    add column details_fetched_at timestamptz,  -- the details columns (imdb_id, runtime, top_cast, directors) follow it
    add column list_fetched_at    timestamptz,  -- payload follows it
    alter column payload drop not null;         -- a movie only ever fetched by its details has no list item

-- Rows written before held both parts merged in payload, at fetched_at. Those a details fetch
-- reached (it appends credits) keep that merge as their details too, so a later list item that
-- replaces payload loses nothing.
update movies set list_fetched_at = fetched_at;
update movies set details = payload, details_fetched_at = fetched_at where payload ? 'credits';
