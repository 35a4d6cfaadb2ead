namespace Luohu.Hub.Samples.AiModels.Text;

/// <summary>One labelled example: a complaint and the department that handles it.</summary>
/// <param name="Label">The department id.</param>
/// <param name="Text">The complaint as written.</param>
public sealed record LabelledText(string Label, string Text);
