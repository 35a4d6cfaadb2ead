using System.Reflection;
using System.Text;

namespace Luohu.Hub.Sdk.Tests;

/// <summary>Writes an assembly's public surface as sorted text, one line per type or member.</summary>
internal static class PublicApiGenerator
{
    public static string Generate(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add(DescribeType(type));
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Where(m => !IsCompilerNoise(m))
                .Select(m => "    " + DescribeMember(m))
                .OrderBy(s => s, StringComparer.Ordinal);
            lines.AddRange(members);
        }

        return string.Join('\n', lines) + "\n";
    }

    private static bool IsCompilerNoise(MemberInfo member) =>
        member.Name is "<Clone>$" or "EqualityContract" || member.Name.StartsWith("Deconstruct", StringComparison.Ordinal);

    private static string DescribeType(Type type)
    {
        var kind = type switch
        {
            { IsInterface: true } => "interface",
            { IsEnum: true } => "enum",
            { IsValueType: true } => "struct",
            _ when type.GetMethod("<Clone>$") is not null => "record",
            _ => "class",
        };
        var modifiers = type switch
        {
            { IsAbstract: true, IsSealed: true } when kind == "class" => "static ",
            { IsSealed: true } when kind is "class" or "record" => "sealed ",
            { IsAbstract: true } when kind == "class" => "abstract ",
            _ => string.Empty,
        };
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Where(i => !i.Name.StartsWith("IEquatable", StringComparison.Ordinal)).Select(Name).Order(StringComparer.Ordinal));
        var attributes = type.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(AttributeUsageAttribute))
            .Select(a => "[" + a.AttributeType.Name + "(" + string.Join(", ", a.ConstructorArguments.Select(c => c.Value)) + ")] ");
        return $"{string.Concat(attributes)}public {modifiers}{kind} {Name(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
    }

    private static string DescribeMember(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}{Generics(m)}({Parameters(m)}){CapabilityOf(m)}",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {Accessors(p)}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}{(f.IsLiteral ? " = " + f.GetRawConstantValue() : string.Empty)}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        Type t => $"nested {Name(t)}",
        _ => member.ToString() ?? member.Name,
    };

    private static string CapabilityOf(MethodInfo method)
    {
        var data = method.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == "CapabilityAttribute");
        if (data is null)
        {
            return string.Empty;
        }

        var named = data.NamedArguments.Select(n => $"{n.MemberName}={n.TypedValue.Value}");
        return $" [Capability({string.Join(", ", data.ConstructorArguments.Select(c => c.Value).Concat(named))})]";
    }

    private static string Accessors(PropertyInfo property)
    {
        var builder = new StringBuilder();
        if (property.GetMethod is { IsPublic: true })
        {
            builder.Append("get; ");
        }

        if (property.SetMethod is { IsPublic: true } setter)
        {
            var isInit = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
            builder.Append(isInit ? "init; " : "set; ");
        }

        return builder.ToString();
    }

    private static string Generics(MethodInfo method) =>
        method.IsGenericMethodDefinition
            ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name + Constraints(a))) + ">"
            : string.Empty;

    private static string Constraints(Type argument)
    {
        var constraints = argument.GetGenericParameterConstraints().Select(Name).ToList();
        if ((argument.GenericParameterAttributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
        {
            constraints.Insert(0, "class");
        }

        return constraints.Count == 0 ? string.Empty : " : " + string.Join(", ", constraints);
    }

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}"));

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }

        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return name[..tick] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
