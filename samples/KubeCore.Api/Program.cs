using KubeCore.Api.Endpoints;
using KubeCore.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Refuse to start without the secrets, in one line and before the database is touched.
if (KubeCoreApiHosting.MissingSecrets(builder.Configuration, builder.Environment) is { } missing)
{
    await Console.Error.WriteLineAsync(missing);
    return 1;
}

builder.AddKubeCoreApi();

var app = builder.Build();
await app.UseKubeCoreApiAsync();
app.MapKubeCoreEndpoints();
await app.RunAsync();
return 0;
