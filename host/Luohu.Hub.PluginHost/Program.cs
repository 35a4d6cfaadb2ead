using Luohu.Hub.Runtime.Plugins.Isolation;

return await PluginHostProgram.RunAsync(args);
