using KubeCore.Api.Endpoints;
using KubeCore.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddKubeCoreApi();

var app = builder.Build();
await app.UseKubeCoreApiAsync();
app.MapKubeCoreEndpoints();
app.Run();
