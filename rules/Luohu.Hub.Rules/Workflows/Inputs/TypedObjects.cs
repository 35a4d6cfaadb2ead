using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Workflows.Inputs;

/// <summary>
/// Fills an instance of a class RulesEngine made for a JSON shape straight from the JSON, step for step as
/// RulesEngine fills it from an expando (<c>Utils.CreateObject</c>): fields the class has, non-null values only,
/// objects and lists recursively, list elements converted with <see cref="Convert.ChangeType(object, Type)"/>.
/// Constructors and property setters are compiled once per class.
/// </summary>
internal static class TypedObjects
{
    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    public static object? Create(Type type, JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            // As RulesEngine does, with the current culture.
#pragma warning disable CA1305 // RulesEngine converts list elements with the current culture; the same input must give the same value here.
            return Convert.ChangeType(RuleInputs.ToPlain(node), type);
#pragma warning restore CA1305
        }

        var shape = Shapes.GetOrAdd(type, static t => new Shape(t));
        var instance = shape.Create();
        for (var i = 0; i < obj.Count; i++)
        {
            var (key, value) = obj.GetAt(i);
            if (value is null || !shape.Properties.TryGetValue(key, out var property))
            {
                continue;
            }

            var converted = value switch
            {
                JsonObject nested => Create(property.Type, nested),
                JsonArray array => List(property.Type, array),
                _ => RuleInputs.Primitive((JsonValue)value),
            };

            if (converted is not null)
            {
                property.Set(instance, converted);
            }
        }

        return instance;
    }

    private static IList List(Type listType, JsonArray array)
    {
        var elementType = listType.GenericTypeArguments.FirstOrDefault() ?? typeof(object);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        foreach (var item in array)
        {
            list.Add(Create(elementType, item));
        }

        return list;
    }

    private sealed class Shape
    {
        public Shape(Type type)
        {
            Create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(type), typeof(object))).Compile();
            Properties = new Dictionary<string, Property>(StringComparer.Ordinal);
            foreach (var info in type.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            {
                Properties.TryAdd(info.Name, new Property(info.PropertyType, Setter(type, info)));
            }
        }

        public Func<object> Create { get; }

        public Dictionary<string, Property> Properties { get; }

        private static Action<object, object> Setter(Type type, PropertyInfo info)
        {
            var target = Expression.Parameter(typeof(object));
            var value = Expression.Parameter(typeof(object));
            var assign = Expression.Assign(Expression.Property(Expression.Convert(target, type), info), Expression.Convert(value, info.PropertyType));
            return Expression.Lambda<Action<object, object>>(assign, target, value).Compile();
        }
    }

    private sealed record Property(Type Type, Action<object, object> Set);
}
