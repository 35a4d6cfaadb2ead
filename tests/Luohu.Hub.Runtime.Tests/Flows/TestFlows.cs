namespace Luohu.Hub.Runtime.Tests.Flows;

/// <summary>Flow JSON for tests: a topic trigger <c>in</c> on <c>test/{id}/in</c> followed by the given nodes and wires.</summary>
internal static class TestFlows
{
    public static string Flow(string id, string nodes, string wires) => $$"""
        { "id": "{{id}}", "name": "Test {{id}}", "department": "traffic",
          "nodes": [ { "id": "in", "type": "trigger.topic", "config": { "topic": "test/{{id}}/in" } }, {{nodes}} ],
          "wires": [ {{wires}} ] }
        """;

    /// <summary>in → node → publish on <c>test/{id}/out</c> (port of the node optional).</summary>
    public static string Through(string id, string node, string? port = null) => Flow(
        id,
        node + $$""", { "id": "out", "type": "publish", "config": { "topic": "test/{{id}}/out" } }""",
        """{ "from": "in", "to": "n" }, { "from": "n", """ + (port is null ? string.Empty : $"\"port\": \"{port}\", ") + """ "to": "out" }""");
}
