-- One migration history for the fleet: the gateway and the persist workers both run Flyway
-- against it (Flyway serialises concurrent migrators with a PostgreSQL advisory lock).

create table import_jobs (
    id              uuid primary key,
    source          text        not null,
    params          jsonb       not null,
    status          text        not null,
    idempotency_key text unique,
    requested_pages integer,                -- maxPages as asked, null = every page
    total_pages     integer,                -- pages planned, known once page 1 was read
    total_results   bigint,
    error           text,
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    heartbeat_at    timestamptz             -- last progress of any kind
);
create index import_jobs_created on import_jobs (created_at desc);
create index import_jobs_status on import_jobs (status, created_at desc);

-- One row per page with an outcome; movie_ids makes "movies expected" exact even when a movie
-- shows up on two pages because the list shifted while it was paged through.
create table import_pages (
    import_id  uuid        not null references import_jobs (id) on delete cascade,
    page       integer     not null,
    status     text        not null,        -- FETCHED | FAILED
    movie_ids  bigint[]    not null default '{}',
    error      text,
    updated_at timestamptz not null default now(),
    primary key (import_id, page)
);

create table movies (
    tmdb_id           bigint primary key,
    imdb_id           text,
    title             text,
    original_title    text,
    original_language text,
    overview          text,
    release_date      date,                 -- TMDB's "" is stored as NULL
    popularity        double precision,
    vote_average      double precision,
    vote_count        integer,
    adult             boolean     not null default false,
    runtime           integer,
    poster_path       text,
    backdrop_path     text,
    genre_ids         integer[]   not null default '{}',
    payload           jsonb       not null, -- TMDB's JSON as received, unknown fields included
    fetched_at        timestamptz not null, -- when TMDB answered; the newest fetch wins
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    deleted_at        timestamptz
);

create table genres (
    id         integer primary key,
    name       text        not null,
    updated_at timestamptz not null default now()
);

create table movie_genres (
    movie_id bigint  not null references movies (tmdb_id) on delete cascade,
    genre_id integer not null,
    primary key (movie_id, genre_id)
);
create index movie_genres_genre on movie_genres (genre_id);

-- Which movies an import persisted; written in the persist batch's transaction, so the count
-- is exact however often a record is re-delivered. No foreign key: the hot path stays lean.
create table import_items (
    import_id    uuid        not null,
    tmdb_id      bigint      not null,
    persisted_at timestamptz not null default now(),
    primary key (import_id, tmdb_id)
);
