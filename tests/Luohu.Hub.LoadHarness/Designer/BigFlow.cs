using System.Text.Json.Nodes;

namespace Luohu.Hub.LoadHarness.Designer;

/// <summary>
/// A flow of a given size shaped like a district's real ones: trigger columns fanning out into chains of scripts,
/// switches, changes and debug nodes, laid out on a grid so the canvas has to draw all of it.
/// </summary>
internal static class BigFlow
{
    private static readonly string[] ChainTypes = ["script", "switch", "change", "throttle", "debug"];

    public static JsonObject Create(string id, int nodeCount, string department = "traffic")
    {
        var nodes = new JsonArray();
        var wires = new JsonArray();
        const int perColumn = 12;
        string? previous = null;
        for (var i = 0; i < nodeCount; i++)
        {
            var column = i / perColumn;
            var row = i % perColumn;
            var nodeId = $"n{i}";
            var type = row == 0 ? "trigger.topic" : ChainTypes[(row - 1) % ChainTypes.Length];
            nodes.Add(new JsonObject
            {
                ["id"] = nodeId,
                ["type"] = type,
                ["name"] = $"{type} {i}",
                ["config"] = Config(type, i),
                ["position"] = new JsonObject { ["x"] = 80 + (column * 220), ["y"] = 60 + (row * 90) },
            });
            if (row != 0 && previous is not null)
            {
                var wire = new JsonObject { ["from"] = previous, ["to"] = nodeId };
                if (ChainTypes[(row - 2 + ChainTypes.Length) % ChainTypes.Length] == "switch" && row > 1)
                {
                    wire["port"] = "high";
                }

                wires.Add(wire);
            }

            previous = nodeId;
        }

        return new JsonObject { ["id"] = id, ["name"] = $"{nodeCount}-node flow", ["department"] = department, ["nodes"] = nodes, ["wires"] = wires };
    }

    private static JsonObject Config(string type, int i) => type switch
    {
        "trigger.topic" => new JsonObject { ["topic"] = $"bench/big/{i}/#" },
        "script" => new JsonObject { ["code"] = $"msg.payload.step = {i};\nreturn msg;" },
        "switch" => new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject { ["port"] = "high", ["expression"] = "msg.payload.value > 10" }),
            ["otherwise"] = false,
        },
        "change" => new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject { ["op"] = "set", ["path"] = "payload.seen", ["value"] = i }),
        },
        "throttle" => new JsonObject { ["count"] = 10, ["periodMs"] = 1000, ["mode"] = "drop" },
        _ => new JsonObject { ["path"] = "payload" },
    };
}
