// The seed §5.3 schema for SQLite. Times are INTEGER milliseconds since the epoch (UTC); ids are
// ULID text, so `ORDER BY id` is creation order too. Vectors are little-endian float32 BLOBs.
#include "sqlite_schema.hpp"

namespace devos::adapters {
namespace {

constexpr const char* kInitialSchema = R"SQL(
CREATE TABLE application_logs (
  id TEXT PRIMARY KEY, ts INTEGER NOT NULL, source TEXT NOT NULL, kind TEXT NOT NULL, code TEXT,
  message TEXT NOT NULL, trace_id TEXT, tags TEXT NOT NULL DEFAULT '{}', payload TEXT);
CREATE INDEX idx_application_logs_ts ON application_logs(ts DESC);
CREATE TABLE test_runs (
  run_id TEXT PRIMARY KEY, started_at INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('local', 'ci')), repository TEXT, branch TEXT, commit_sha TEXT,
  ci_provider TEXT, ci_job_id TEXT, tool TEXT, total INTEGER NOT NULL DEFAULT 0,
  passed INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0,
  duration_ms INTEGER NOT NULL DEFAULT 0);
CREATE INDEX idx_test_runs_started ON test_runs(started_at DESC);
CREATE TABLE test_failures (
  failure_id TEXT PRIMARY KEY, run_id TEXT NOT NULL REFERENCES test_runs(run_id) ON DELETE CASCADE,
  ts INTEGER NOT NULL, suite TEXT, test_name TEXT NOT NULL, file TEXT, line INTEGER, message TEXT NOT NULL,
  stack_trace TEXT, pattern_id TEXT NOT NULL, duration_ms INTEGER NOT NULL DEFAULT 0);
CREATE INDEX idx_test_failures_run ON test_failures(run_id);
CREATE INDEX idx_test_failures_pattern ON test_failures(pattern_id, ts DESC);
CREATE TABLE lint_failures (
  failure_id TEXT PRIMARY KEY, run_id TEXT NOT NULL REFERENCES test_runs(run_id) ON DELETE CASCADE,
  ts INTEGER NOT NULL, tool TEXT, rule_id TEXT NOT NULL, level TEXT NOT NULL, file TEXT, line INTEGER,
  col INTEGER, message TEXT NOT NULL, pattern_id TEXT NOT NULL);
CREATE INDEX idx_lint_failures_run ON lint_failures(run_id);
CREATE TABLE selfheal_proposals (
  proposal_id TEXT PRIMARY KEY, ts INTEGER NOT NULL, pattern_id TEXT NOT NULL, trigger_id TEXT NOT NULL,
  status TEXT NOT NULL, description TEXT, risk_score INTEGER, confidence INTEGER, payload TEXT);
CREATE INDEX idx_selfheal_pattern ON selfheal_proposals(pattern_id, ts DESC);
CREATE TABLE trace_spans (
  span_id TEXT PRIMARY KEY, trace_id TEXT NOT NULL, parent_span_id TEXT, name TEXT NOT NULL,
  start_ts INTEGER NOT NULL, end_ts INTEGER, attributes TEXT NOT NULL DEFAULT '{}');
CREATE INDEX idx_trace_spans_trace ON trace_spans(trace_id);
CREATE TABLE metrics_samples (
  sample_id TEXT PRIMARY KEY, ts INTEGER NOT NULL, name TEXT NOT NULL, value REAL NOT NULL,
  tags TEXT NOT NULL DEFAULT '{}');
CREATE INDEX idx_metrics_samples_name_ts ON metrics_samples(name, ts DESC);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, action TEXT NOT NULL, table_name TEXT NOT NULL,
  row_count INTEGER NOT NULL, subject TEXT);
CREATE INDEX idx_audit_log_ts ON audit_log(ts DESC);
CREATE TABLE embeddings (
  owner_kind TEXT NOT NULL, owner_id TEXT NOT NULL, model TEXT NOT NULL, dims INTEGER NOT NULL,
  vector BLOB NOT NULL, PRIMARY KEY (owner_kind, owner_id, model));
CREATE INDEX idx_embeddings_model ON embeddings(model);
)SQL";

// Self-heal (issue 11): the names of the tests that passed in each run, the fix memory (one fix per
// fixed failure), and the outcome columns of selfheal_proposals.
constexpr const char* kFixMemory = R"SQL(
CREATE TABLE test_passes (
  run_id TEXT NOT NULL REFERENCES test_runs(run_id) ON DELETE CASCADE, suite TEXT NOT NULL, test_name TEXT NOT NULL,
  PRIMARY KEY (run_id, suite, test_name));
CREATE INDEX idx_test_passes_test ON test_passes(suite, test_name);
CREATE TABLE selfheal_fixes (
  fix_id TEXT PRIMARY KEY, ts INTEGER NOT NULL, source TEXT NOT NULL CHECK (source IN ('history', 'proposal')),
  pattern_id TEXT NOT NULL, failure_id TEXT NOT NULL UNIQUE, suite TEXT, test_name TEXT, failing_run_id TEXT,
  fixing_run_id TEXT, failing_commit TEXT, fixing_commit TEXT, diff TEXT NOT NULL,
  diff_truncated INTEGER NOT NULL DEFAULT 0, proposal_id TEXT);
CREATE INDEX idx_selfheal_fixes_pattern ON selfheal_fixes(pattern_id, ts DESC);
ALTER TABLE selfheal_proposals ADD COLUMN agent TEXT;
ALTER TABLE selfheal_proposals ADD COLUMN branch TEXT;
ALTER TABLE selfheal_proposals ADD COLUMN commit_sha TEXT;
ALTER TABLE selfheal_proposals ADD COLUMN bundle TEXT;
ALTER TABLE selfheal_proposals ADD COLUMN reason TEXT;
ALTER TABLE selfheal_proposals ADD COLUMN updated_at INTEGER;
CREATE INDEX idx_selfheal_trigger ON selfheal_proposals(trigger_id);
)SQL";

// Incident memory at scale (issue 12): the generation of each model's failure vectors, which the
// vector file beside the store compares with its own. An insert adds 1, a replacement or removal
// 2^32 (so "n more" means exactly n new vectors); a model's first generation is random, so a store
// recreated under an old vector file never matches it.
constexpr const char* kVectorGenerations = R"SQL(
CREATE TABLE vector_generations (model TEXT PRIMARY KEY, generation INTEGER NOT NULL);
INSERT INTO vector_generations
  SELECT model, abs(random()) % 2305843009213693952 FROM embeddings
  WHERE owner_kind IN ('test_failure', 'lint_failure') GROUP BY model;
CREATE TRIGGER embeddings_generation_insert AFTER INSERT ON embeddings
  WHEN NEW.owner_kind IN ('test_failure', 'lint_failure') BEGIN
  INSERT INTO vector_generations VALUES (NEW.model, abs(random()) % 2305843009213693952)
    ON CONFLICT (model) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER embeddings_generation_update AFTER UPDATE ON embeddings
  WHEN NEW.owner_kind IN ('test_failure', 'lint_failure') OR OLD.owner_kind IN ('test_failure', 'lint_failure') BEGIN
  UPDATE vector_generations SET generation = generation + 4294967296 WHERE model IN (OLD.model, NEW.model);
END;
CREATE TRIGGER embeddings_generation_delete AFTER DELETE ON embeddings
  WHEN OLD.owner_kind IN ('test_failure', 'lint_failure') BEGIN
  UPDATE vector_generations SET generation = generation + 4294967296 WHERE model = OLD.model;
END;
)SQL";

// Self-heal outcomes (issue 13): what became of each proposal and each recorded fix (merged,
// rejected, reverted, recurred), written by devos heal sync.
constexpr const char* kOutcomes = R"SQL(
ALTER TABLE selfheal_proposals ADD COLUMN outcome TEXT NOT NULL DEFAULT 'open';
ALTER TABLE selfheal_proposals ADD COLUMN merged_at INTEGER;
ALTER TABLE selfheal_proposals ADD COLUMN merged_commit TEXT;
ALTER TABLE selfheal_proposals ADD COLUMN reverted_by TEXT;
ALTER TABLE selfheal_proposals ADD COLUMN recurred_failure_id TEXT;
ALTER TABLE selfheal_proposals ADD COLUMN outcome_changed_at INTEGER;
ALTER TABLE selfheal_fixes ADD COLUMN outcome TEXT NOT NULL DEFAULT 'open';
ALTER TABLE selfheal_fixes ADD COLUMN merged_at INTEGER;
ALTER TABLE selfheal_fixes ADD COLUMN merged_commit TEXT;
ALTER TABLE selfheal_fixes ADD COLUMN reverted_by TEXT;
ALTER TABLE selfheal_fixes ADD COLUMN recurred_failure_id TEXT;
ALTER TABLE selfheal_fixes ADD COLUMN outcome_changed_at INTEGER;
CREATE INDEX idx_selfheal_proposals_outcome ON selfheal_proposals(outcome);
)SQL";

// The self-heal daemon (issue 13): one claim per failure, so each is healed once across restarts
// and daemons; live claims (lease_until in the future) count against concurrency.maxConcurrentProposals.
constexpr const char* kClaims = R"SQL(
CREATE TABLE selfheal_claims (
  failure_id TEXT PRIMARY KEY, daemon_id TEXT NOT NULL, claimed_at INTEGER NOT NULL, lease_until INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'done')), status TEXT, proposal_id TEXT, finished_at INTEGER);
CREATE INDEX idx_selfheal_claims_live ON selfheal_claims(state, lease_until);
CREATE INDEX idx_test_failures_ts ON test_failures(ts);
)SQL";

// Issue 16: the ingest key of a run (logic::ingestKey), unique, so a retried ingest finds its run.
constexpr const char* kIngestKey = R"SQL(
ALTER TABLE test_runs ADD COLUMN ingest_key TEXT;
CREATE UNIQUE INDEX idx_test_runs_ingest_key ON test_runs(ingest_key) WHERE ingest_key IS NOT NULL;
)SQL";

// Issue 12: how many failure vectors of each model have each rarity term (logic::rarityTerms), and
// under the term '' how many were counted in all; a query's rare words weigh more.
constexpr const char* kFailureTerms = R"SQL(
CREATE TABLE failure_terms (model TEXT NOT NULL, term TEXT NOT NULL, failures INTEGER NOT NULL,
  PRIMARY KEY (model, term)) WITHOUT ROWID;
)SQL";

constexpr SqliteMigration kMigrations[] = {{1, "initial telemetry schema (seed 5.3)", kInitialSchema},
                                           {2, "self-heal fix memory and attempt outcomes", kFixMemory},
                                           {3, "failure vector generations", kVectorGenerations},
                                           {4, "self-heal outcomes", kOutcomes},
                                           {5, "self-heal daemon claims", kClaims},
                                           {6, "ingest key of a run", kIngestKey},
                                           {7, "failure term frequencies", kFailureTerms}};

} // namespace

std::span<const SqliteMigration> sqliteMigrations() {
    return kMigrations;
}

} // namespace devos::adapters
