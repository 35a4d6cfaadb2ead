using Dapper;
using Luohu.Hub.Runtime.Storage.Sqlite.Rows;
using Microsoft.Data.Sqlite;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="IRuleLibraryStore"/> on SQLite.</summary>
internal sealed class SqliteRuleLibraryStore(SqliteConnectionFactory connections, TimeProvider timeProvider) : IRuleLibraryStore
{
    private const string SelectWorkflow = """
        SELECT w.department AS Department, w.name AS Name, w.description AS Description, w.draft AS Draft, w.test_cases AS TestCases,
               w.created_by AS CreatedBy, w.created_at AS CreatedAt, w.updated_by AS UpdatedBy, w.updated_at AS UpdatedAt,
               (SELECT MAX(v.version) FROM rule_workflow_versions v WHERE v.department = w.department AND v.name = w.name) AS LatestVersion
        FROM rule_workflows w
        """;

    private const string SelectVersion = """
        SELECT department AS Department, name AS Name, version AS Version, json AS Json, author AS Author, comment AS Comment, created_at AS CreatedAt
        FROM rule_workflow_versions
        """;

    public async ValueTask<IReadOnlyList<RuleWorkflowRecord>> ListAsync(string? department, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RuleWorkflowRow>(Cmd(
            $"{SelectWorkflow} WHERE @Department IS NULL OR w.department = @Department ORDER BY w.department, w.name", new { Department = department }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async ValueTask<RuleWorkflowRecord?> GetAsync(string department, string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RuleWorkflowRow>(Cmd(
            $"{SelectWorkflow} WHERE w.department = @Department AND w.name = @Name", new { Department = department, Name = name }, cancellationToken));
        return row?.ToRecord();
    }

    public async ValueTask<RuleWorkflowRecord> UpsertDraftAsync(RuleWorkflowRecord workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Cmd("""
            INSERT INTO rule_workflows (department, name, description, draft, test_cases, created_by, created_at, updated_by, updated_at)
            VALUES (@Department, @Name, @Description, @Draft, @TestCases, @UpdatedBy, @Now, @UpdatedBy, @Now)
            ON CONFLICT (department, name) DO UPDATE SET description = excluded.description, draft = excluded.draft,
                test_cases = excluded.test_cases, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, new { workflow.Department, workflow.Name, workflow.Description, workflow.Draft, workflow.TestCases, workflow.UpdatedBy, Now = Now() }, cancellationToken));
        return (await GetAsync(workflow.Department, workflow.Name, cancellationToken))!;
    }

    public async ValueTask<bool> DeleteAsync(string department, string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(Cmd(
            "DELETE FROM rule_workflows WHERE department = @Department AND name = @Name", new { Department = department, Name = name }, cancellationToken)) > 0;
    }

    public async ValueTask<RuleWorkflowVersionRecord> AddVersionAsync(string department, string name, string json, string author, string? comment, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await connections.OpenAsync(cancellationToken);

        // One statement takes the write lock before it reads MAX(version), so concurrent publishers get 1..n without gaps.
        var version = await connection.QuerySingleOrDefaultAsync<long?>(Cmd("""
            INSERT INTO rule_workflow_versions (department, name, version, json, author, comment, created_at)
            SELECT w.department, w.name,
                   COALESCE((SELECT MAX(v.version) FROM rule_workflow_versions v WHERE v.department = w.department AND v.name = w.name), 0) + 1,
                   @Json, @Author, @Comment, @Now
            FROM rule_workflows w WHERE w.department = @Department AND w.name = @Name
            RETURNING version
            """, new { Department = department, Name = name, Json = json, Author = author, Comment = comment, Now = now }, cancellationToken))
            ?? throw new KeyNotFoundException($"Rule workflow '{department}/{name}' has no draft; save it before publishing a version.");
        return new RuleWorkflowVersionRecord
        {
            Department = department, Name = name, Version = (int)version, Json = json, Author = author, Comment = comment, CreatedAt = UnixTime.FromMs(now),
        };
    }

    public async ValueTask<RuleWorkflowVersionRecord?> GetVersionAsync(string department, string name, int version, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RuleWorkflowVersionRow>(Cmd(
            $"{SelectVersion} WHERE department = @Department AND name = @Name AND version = @Version", new { Department = department, Name = name, Version = version }, cancellationToken));
        return row?.ToRecord();
    }

    public async ValueTask<IReadOnlyList<RuleWorkflowVersionRecord>> ListVersionsAsync(string department, string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RuleWorkflowVersionRow>(Cmd(
            $"{SelectVersion} WHERE department = @Department AND name = @Name ORDER BY version", new { Department = department, Name = name }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async ValueTask<IReadOnlyList<RuleWorkflowVersionRecord>> ListLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RuleWorkflowVersionRow>(Cmd($"""
            {SelectVersion} v WHERE version = (SELECT MAX(l.version) FROM rule_workflow_versions l WHERE l.department = v.department AND l.name = v.name)
            ORDER BY department, name
            """, null, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    private long Now() => UnixTime.ToMs(timeProvider.GetUtcNow());

    private static CommandDefinition Cmd(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, cancellationToken: cancellationToken);
}
