namespace Acme.Plugin;

/// <param name="Text">What to echo: 1 to 200 characters.</param>
public sealed record EchoRequest(string Text);
