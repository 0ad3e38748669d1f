using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace KubeCore.Tests.Support;

/// <summary>
/// Serializes aggregate states the way a host does: System.Text.Json with NodaTime.Serialization.SystemTextJson for
/// NodaTime's types and nothing else (KubeCore's own value types and state enums carry their converters).
/// </summary>
public static class StateJson
{
    /// <summary>The host's options: defaults plus NodaTime.</summary>
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    /// <summary>The state as JSON text.</summary>
    public static string Serialize<T>(T state) => JsonSerializer.Serialize(state, Options);

    /// <summary>The state back from JSON text.</summary>
    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException("null state");

    /// <summary>A JSON round trip, as a store and a later load do.</summary>
    public static T RoundTrip<T>(T state) => Deserialize<T>(Serialize(state));
}
