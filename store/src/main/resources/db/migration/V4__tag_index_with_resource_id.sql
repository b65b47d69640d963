-- Tag filters walk the (resource_type, tag_key, tag_value) range of the first filter and look each
-- resource up under the other filters' values; with resource_id in the index both steps read the
-- index alone instead of one table row per tag.
DROP INDEX tags_by_key_value;
CREATE INDEX tags_by_key_value ON tags (resource_type, tag_key, tag_value, resource_id);
