using System.Collections.ObjectModel;
using KubeCore.Rules;
using KubeCore.Tests.Conventions;

namespace KubeCore.Tests.PublicApi;

/// <summary>
/// The public API of KubeCore is a committed file, KubeCore.api.txt, beside this test. Any change to the
/// surface (a type, member, signature, nullability, default value...) fails the test with a diff until
/// the file is regenerated on purpose and the change reviewed in the commit.
/// </summary>
public class PublicApiTests
{
    /// <summary>The environment variable that makes the baseline test rewrite the file instead of comparing.</summary>
    public const string UpdateVariable = "UPDATE_PUBLIC_API";

    private static string BaselinePath => Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), "tests", "KubeCore.Tests", "PublicApi", "KubeCore.api.txt");

    [Fact]
    public void The_public_API_of_KubeCore_matches_the_committed_baseline()
    {
        var actual = PublicApiRenderer.Render(typeof(RuleCatalogue).Assembly);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(BaselinePath, actual);
            TestContext.Current.SendDiagnosticMessage($"{UpdateVariable}=1: rewrote {BaselinePath}");
            return;
        }
        var expected = File.Exists(BaselinePath) ? File.ReadAllText(BaselinePath).ReplaceLineEndings("\n") : string.Empty;
        if (expected != actual)
        {
            Assert.Fail(
                "The public API of KubeCore differs from tests/KubeCore.Tests/PublicApi/KubeCore.api.txt "
                + "(- baseline, + now):\n" + TextDiff.Lines(expected, actual)
                + "\nIf the change is intended, regenerate the baseline and commit it with the change:\n"
                + "    bash scripts/update-public-api.sh\n"
                + $"(or: {UpdateVariable}=1 dotnet test tests/KubeCore.Tests -c Release --filter FullyQualifiedName~PublicApiTests)");
        }
    }

    [Fact]
    public void The_renderer_writes_signatures_with_nullability_tuple_names_modifiers_and_defaults()
    {
        var text = PublicApiRenderer.Render([typeof(Sample), typeof(SampleValue), typeof(SampleKind)]);
        text.ShouldBe(
            """
            public sealed class KubeCore.Tests.PublicApi.PublicApiTests.Sample
            {
                public static readonly string? Empty;
                public const int Limit = 10;
                public Sample(int count, string? name = null, KubeCore.Tests.PublicApi.PublicApiTests.SampleKind kind = (KubeCore.Tests.PublicApi.PublicApiTests.SampleKind)2);
                public int Count { get; }
                public required string Name { get; init; }
                public System.Collections.ObjectModel.ReadOnlyCollection<(string Key, int? Value)> Pairs { get; }
                public T? Find<T>(params (string Name, object? Value)[] arguments) where T : class;
                public static bool TryParse(string? text, out KubeCore.Tests.PublicApi.PublicApiTests.SampleValue value);
            }
            public enum KubeCore.Tests.PublicApi.PublicApiTests.SampleKind : byte
            {
                One = 1,
                Two = 2,
            }
            public readonly record struct KubeCore.Tests.PublicApi.PublicApiTests.SampleValue : System.IEquatable<KubeCore.Tests.PublicApi.PublicApiTests.SampleValue>
            {
                public SampleValue(long Amount);
                public long Amount { get; init; }
                public void Deconstruct(out long Amount);
                public bool Equals(KubeCore.Tests.PublicApi.PublicApiTests.SampleValue other);
                public override bool Equals(object obj);
                public override int GetHashCode();
                public override string ToString();
                public static bool op_Equality(KubeCore.Tests.PublicApi.PublicApiTests.SampleValue left, KubeCore.Tests.PublicApi.PublicApiTests.SampleValue right);
                public static bool op_Inequality(KubeCore.Tests.PublicApi.PublicApiTests.SampleValue left, KubeCore.Tests.PublicApi.PublicApiTests.SampleValue right);
            }

            """.ReplaceLineEndings("\n"));
    }

    public sealed class Sample
    {
        public const int Limit = 10;
        public static readonly string? Empty = null;
        private readonly int _hidden;

        public Sample(int count, string? name = null, SampleKind kind = SampleKind.Two)
        {
            Count = count;
            _hidden = count + (int)kind + (name?.Length ?? 0);
        }

        public int Count { get; }

        public required string Name { get; init; }

        public ReadOnlyCollection<(string Key, int? Value)> Pairs { get; } = new([]);

        internal int Hidden => _hidden;

        public static bool TryParse(string? text, out SampleValue value)
        {
            value = new SampleValue(text?.Length ?? 0);
            return text is not null;
        }

        public T? Find<T>(params (string Name, object? Value)[] arguments) where T : class => arguments.Select(a => a.Value).OfType<T>().FirstOrDefault();
    }

    public readonly record struct SampleValue(long Amount);

    public enum SampleKind : byte
    {
        One = 1,
        Two = 2,
    }
}
