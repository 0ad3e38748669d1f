using KubeCore.Api.Endpoints;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);

    // Refuse to start without the secrets before anything else, so the database is not touched.
    if (KubeCoreApiHosting.MissingSecrets(builder.Configuration, builder.Environment) is { } missing)
    {
        throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), [missing]);
    }

    builder.AddKubeCoreApi();

    var app = builder.Build();
    await app.UseKubeCoreApiAsync();
    app.MapKubeCoreEndpoints();
    await app.RunAsync();
    return 0;
}
catch (Exception refused) when (refused is OptionsValidationException or KubeCore.Api.Persistence.LegacyDatabaseException && KubeCoreApiHosting.IsOwnProcess)
{
    // One line and a non-zero exit, not an unhandled exception (exit 134). When another program hosts the API
    // (the tests' WebApplicationFactory), the exception is theirs.
    await Console.Error.WriteLineAsync(refused.Message);
    return 1;
}
