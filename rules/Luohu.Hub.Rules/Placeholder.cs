namespace Luohu.Hub.Rules;

internal static class Placeholder
{
}
