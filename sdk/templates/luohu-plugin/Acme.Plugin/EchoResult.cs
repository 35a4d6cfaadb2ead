namespace Acme.Plugin;

public sealed record EchoResult(string Text, int Length);
