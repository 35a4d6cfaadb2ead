using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Messages;

/// <summary>
/// A JSON tree of templates compiled once (when a node is built), rendered per message: each text that contains
/// placeholders is rendered; one that is a single placeholder is replaced by a copy of the value it names (numbers stay
/// numbers); everything else is copied.
/// </summary>
internal sealed class MessageTemplateTree
{
    private readonly Func<JsonObject, JsonNode?> render;

    private MessageTemplateTree(Func<JsonObject, JsonNode?> render) => this.render = render;

    /// <exception cref="ArgumentException">A text of the tree is not a valid template (validation reports these first).</exception>
    public static MessageTemplateTree Compile(JsonNode? template) => new(Build(template));

    public JsonNode? Render(JsonObject body) => render(body);

    private static Func<JsonObject, JsonNode?> Build(JsonNode? template)
    {
        switch (template)
        {
            case JsonObject obj:
                var members = obj.Select(member => (member.Key, Render: Build(member.Value))).ToArray();
                return body =>
                {
                    var result = new JsonObject();
                    foreach (var (name, renderMember) in members)
                    {
                        result[name] = renderMember(body);
                    }

                    return result;
                };
            case JsonArray array:
                var items = array.Select(Build).ToArray();
                return body =>
                {
                    var result = new JsonArray();
                    foreach (var renderItem in items)
                    {
                        result.Add(renderItem(body));
                    }

                    return result;
                };
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = MessageTemplate.Parse(value.GetValue<string>());
                return text.SinglePath is { } single
                    ? body => single.Get(body)?.DeepClone()
                    : body => JsonValue.Create(text.Render(body));
            default:
                var literal = template?.DeepClone();
                return _ => literal?.DeepClone();
        }
    }
}
