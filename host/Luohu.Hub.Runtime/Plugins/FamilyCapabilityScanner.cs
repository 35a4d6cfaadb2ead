using System.Reflection;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Finds the family interfaces a plugin registered and binds each of their <c>[Capability]</c> methods.</summary>
internal static class FamilyCapabilityScanner
{
    private static readonly Type[] Families =
    [
        typeof(ISensorDriver), typeof(ISignalController), typeof(ICreditProvider), typeof(ICameraSource), typeof(IAiEngine),
    ];

    public static IReadOnlyList<ActionBinding> Scan(IServiceCollection services)
    {
        var bindings = new List<ActionBinding>();
        foreach (var family in Families.Where(f => services.Any(d => d.ServiceType == f)))
        {
            foreach (var method in family.GetMethods())
            {
                if (method.GetCustomAttribute<CapabilityAttribute>() is not { } capability)
                {
                    continue;
                }

                var parameters = method.GetParameters();
                if (parameters.Length != 2 || parameters[1].ParameterType != typeof(CancellationToken)
                    || !method.ReturnType.IsGenericType || method.ReturnType.GetGenericTypeDefinition() != typeof(ValueTask<>))
                {
                    throw new InvalidOperationException($"{family.Name}.{method.Name} carries [Capability] but is not shaped ValueTask<TOut> M(TIn input, CancellationToken ct).");
                }

                var bindingType = typeof(FamilyActionBinding<,,>).MakeGenericType(family, parameters[0].ParameterType, method.ReturnType.GetGenericArguments()[0]);
                var info = new ActionInfo(capability.Id, capability.Title, capability.Description, family.Name, capability.Sensitive, capability.ChangesWorld);
                bindings.Add((ActionBinding)Activator.CreateInstance(bindingType, info, method)!);
            }
        }

        return bindings;
    }
}
