using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>A published version as flows run it: read once, its RulesEngine kept with it.</summary>
internal sealed record LibraryWorkflowVersion(string Department, string Name, int Version, FlowWorkflow Workflow);
