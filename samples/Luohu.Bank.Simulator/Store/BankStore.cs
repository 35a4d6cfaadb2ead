using Dapper;
using Microsoft.Data.Sqlite;

namespace Luohu.Bank.Simulator.Store;

/// <summary>
/// The bank's ledger in one SQLite file (WAL, synchronous FULL: a committed settlement survives the bank's own crash).
/// A settlement is checked and written in one IMMEDIATE transaction, so two requests with one key make one settlement.
/// </summary>
internal sealed class BankStore(string databasePath)
{
    private const string SettlementColumns = """
        id AS Id, idempotency_key AS IdempotencyKey, assessment_id AS AssessmentId, bill_id AS BillId, amount_minor AS AmountMinor,
        currency AS Currency, status AS Status, created_at AS CreatedAt, reversed_at AS ReversedAt
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30,
    }.ToString();

    public string DatabasePath => databasePath;

    public void Initialize()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        using var connection = Open();
        connection.Execute("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS assessments (
                id TEXT NOT NULL PRIMARY KEY, partner TEXT NOT NULL, applicant_id TEXT NOT NULL, hospital_id TEXT NOT NULL,
                amount_minor INTEGER NOT NULL, decision TEXT NOT NULL, line_minor INTEGER NOT NULL, currency TEXT NOT NULL,
                reason_code TEXT NOT NULL, expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS settlements (
                id TEXT NOT NULL PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, partner TEXT NOT NULL,
                assessment_id TEXT NOT NULL REFERENCES assessments (id), bill_id TEXT NOT NULL, amount_minor INTEGER NOT NULL,
                currency TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL, reversed_at INTEGER NULL);
            CREATE INDEX IF NOT EXISTS settlements_bill ON settlements (bill_id);
            """);
    }

    public void AddAssessment(AssessmentRecord record)
    {
        using var connection = Open();
        connection.Execute("""
            INSERT INTO assessments (id, partner, applicant_id, hospital_id, amount_minor, decision, line_minor, currency, reason_code, expires_at, created_at)
            VALUES (@Id, @Partner, @ApplicantId, @HospitalId, @AmountMinor, @Decision, @LineMinor, @Currency, @ReasonCode, @ExpiresAt, @CreatedAt)
            """, record);
    }

    public SettleOutcome Settle(string partner, SettlementRecord request, long now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var existing = connection.QuerySingleOrDefault<SettlementRecord>(
            $"SELECT {SettlementColumns} FROM settlements WHERE idempotency_key = @IdempotencyKey", request, transaction);
        if (existing is not null)
        {
            return existing.AssessmentId == request.AssessmentId && existing.BillId == request.BillId && existing.AmountMinor == request.AmountMinor
                ? new SettleOutcome(existing, true, null, null)
                : new SettleOutcome(null, false, "IDEMPOTENCY_KEY_REUSED", $"Key '{request.IdempotencyKey}' settled bill {existing.BillId} of another amount or assessment; use a new key for a new bill.");
        }

        var assessment = connection.QuerySingleOrDefault<AssessmentRecord>("""
            SELECT id AS Id, partner AS Partner, decision AS Decision, line_minor AS LineMinor, currency AS Currency, expires_at AS ExpiresAt
            FROM assessments WHERE id = @AssessmentId
            """, request, transaction);
        if (assessment is null || assessment.Partner != partner)
        {
            return new SettleOutcome(null, false, "ASSESSMENT_UNKNOWN", $"No assessment '{request.AssessmentId}'.");
        }

        if (assessment.Decision != "approved")
        {
            return new SettleOutcome(null, false, "ASSESSMENT_DECLINED", $"Assessment '{request.AssessmentId}' was declined; nothing can be settled on it.");
        }

        if (assessment.ExpiresAt < now)
        {
            return new SettleOutcome(null, false, "ASSESSMENT_EXPIRED", $"Assessment '{request.AssessmentId}' expired; assess again.");
        }

        if (!string.Equals(assessment.Currency, request.Currency, StringComparison.Ordinal))
        {
            return new SettleOutcome(null, false, "CURRENCY_MISMATCH", $"The line is in {assessment.Currency}, the bill in {request.Currency}.");
        }

        var used = connection.ExecuteScalar<long>(
            "SELECT COALESCE(SUM(amount_minor), 0) FROM settlements WHERE assessment_id = @AssessmentId AND status = 'settled'", request, transaction);
        if (used + request.AmountMinor > assessment.LineMinor)
        {
            return new SettleOutcome(null, false, "LINE_EXCEEDED",
                $"The bill of {request.AmountMinor / 100m:0.00} exceeds what is left of the line ({(assessment.LineMinor - used) / 100m:0.00} of {assessment.LineMinor / 100m:0.00} {assessment.Currency}).");
        }

        request.Status = "settled";
        request.CreatedAt = now;
        connection.Execute("""
            INSERT INTO settlements (id, idempotency_key, partner, assessment_id, bill_id, amount_minor, currency, status, created_at)
            VALUES (@Id, @IdempotencyKey, @Partner, @AssessmentId, @BillId, @AmountMinor, @Currency, @Status, @CreatedAt)
            """, new { request.Id, request.IdempotencyKey, Partner = partner, request.AssessmentId, request.BillId, request.AmountMinor, request.Currency, request.Status, request.CreatedAt }, transaction);
        transaction.Commit();
        return new SettleOutcome(request, false, null, null);
    }

    public SettlementRecord? FindSettlement(string partner, string id)
    {
        using var connection = Open();
        return connection.QuerySingleOrDefault<SettlementRecord>(
            $"SELECT {SettlementColumns} FROM settlements WHERE id = @Id AND partner = @Partner", new { Id = id, Partner = partner });
    }

    /// <summary>Reverses a settled settlement (its amount returns to the line); null when unknown, unchanged when already reversed.</summary>
    public SettlementRecord? Reverse(string partner, string id, long now)
    {
        using var connection = Open();
        connection.Execute("UPDATE settlements SET status = 'reversed', reversed_at = @Now WHERE id = @Id AND partner = @Partner AND status = 'settled'",
            new { Id = id, Partner = partner, Now = now });
        return FindSettlement(partner, id);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;");
        return connection;
    }
}
