namespace Luohu.Hub.Host.Security;

/// <summary>One row of the access table: requests of <see cref="Method"/> on routes starting with <see cref="Route"/> need one of <see cref="Roles"/>.</summary>
/// <param name="Method">HTTP method, or <c>*</c> for every unsafe one.</param>
/// <param name="Route">Route template prefix, e.g. <c>/api/v1/plugins/{id}/reload</c>.</param>
/// <param name="Roles">Roles allowed; admin is always allowed; empty = every signed-in caller.</param>
internal sealed record ApiAccessRule(string Method, string Route, params string[] Roles);
