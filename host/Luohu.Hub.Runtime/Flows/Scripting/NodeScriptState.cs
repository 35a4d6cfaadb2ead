using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Scripting;

/// <summary>A node's state as a script's <c>ctx</c>.</summary>
internal sealed class NodeScriptState(NodeState state) : IScriptState
{
    public JsonNode? GetValue(string key) => state.GetValue(key);

    public void SetValue(string key, JsonNode? value) => state.SetValue(key, value);
}
