-- TMDB's image configuration (images of /3/configuration): the base URL and sizes a poster's
-- URL is built from. One row, the newest fetched; written by the persist workers, read by the gateway.
create table image_configuration (
    id              boolean     primary key default true check (id),
    base_url        text        not null,
    secure_base_url text        not null,
    poster_sizes    text[]      not null,
    backdrop_sizes  text[]      not null,
    profile_sizes   text[]      not null,
    fetched_at      timestamptz not null,
    updated_at      timestamptz not null default now()
);
