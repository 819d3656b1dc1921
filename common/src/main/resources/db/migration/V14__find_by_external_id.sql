-- /3/find/{external_id} in catalog-api: one GIN index over the external ids the details import
-- stored (imdb_id, wikidata_id, tvdb_id, ...), which serves `external_ids @> {"source": id}` for
-- every source; jsonb_path_ops keeps it small. Movies without details have nothing to index.
create index movies_external_ids on movies using gin ((details -> 'external_ids') jsonb_path_ops)
    where details is not null;
