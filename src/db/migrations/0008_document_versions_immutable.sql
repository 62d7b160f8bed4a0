-- A published version of a policy document is a public record that consent records point at by its
-- text hash (R-UPD-1): the database itself refuses to change or delete it. Drafts stay editable.
CREATE FUNCTION document_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'document_versions: version % of % is published: % refused', OLD.version, OLD.document, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER document_versions_published_immutable BEFORE UPDATE OR DELETE ON document_versions FOR EACH ROW EXECUTE FUNCTION document_versions_refuse_change();
