using System.Reflection;
using System.Runtime.CompilerServices;
using KubeCore.Rules;

namespace KubeCore.Tests.Conventions;

/// <summary>
/// Conventions of the library's types, checked by reflection over the KubeCore assembly (in the manner of
/// NodaTime's annotation tests). Each failure lists every offending type or member.
/// </summary>
public class TypeConventionTests
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Assembly Library = typeof(RuleCatalogue).Assembly;

    private static IEnumerable<Type> PublicTypes => Library.GetExportedTypes();

    /// <summary>Every type the compiler emitted for the library, including private and generated ones.</summary>
    private static IEnumerable<Type> AllTypes => Library.GetTypes();

    [Fact]
    public void Every_public_type_is_sealed_static_abstract_an_interface_an_enum_or_a_struct()
    {
        var open = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Select(Name)
            .ToList();
        open.ShouldBeEmpty("Public classes must be sealed, static or abstract (records included):\n  " + string.Join("\n  ", open));
    }

    [Fact]
    public void No_public_property_of_the_library_has_a_public_setter_other_than_init()
    {
        var settable = PublicTypes
            .SelectMany(t => t.GetProperties(Declared))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => $"{Name(p.DeclaringType!)}.{p.Name}")
            .ToList();
        settable.ShouldBeEmpty("Domain state has no public setters (init-only is fine on parameter records):\n  " + string.Join("\n  ", settable));
    }

    [Fact]
    public void Every_public_struct_is_readonly()
    {
        var mutable = PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum && !t.IsDefined(typeof(IsReadOnlyAttribute), false))
            .Select(Name)
            .ToList();
        mutable.ShouldBeEmpty("Public structs must be declared readonly (readonly record struct for small values):\n  " + string.Join("\n  ", mutable));
    }

    [Fact]
    public void No_public_static_field_can_be_reassigned()
    {
        var fields = PublicTypes
            .SelectMany(t => t.GetFields(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.Static))
            .Where(f => !f.IsLiteral && !f.IsInitOnly)
            .Select(f => $"{Name(f.DeclaringType!)}.{f.Name}")
            .ToList();
        fields.ShouldBeEmpty("Public static fields must be const or static readonly:\n  " + string.Join("\n  ", fields));
    }

    [Fact]
    public void No_field_property_or_signature_of_the_library_uses_floating_point()
    {
        var floating = new List<string>();
        foreach (var type in AllTypes)
        {
            foreach (var field in type.GetFields(Declared).Where(f => IsFloating(f.FieldType)))
            {
                floating.Add($"field {Name(type)}.{field.Name}");
            }
            foreach (var property in type.GetProperties(Declared).Where(p => IsFloating(p.PropertyType)))
            {
                floating.Add($"property {Name(type)}.{property.Name}");
            }
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                var returns = method is MethodInfo m && IsFloating(m.ReturnType);
                if (returns || method.GetParameters().Any(p => IsFloating(p.ParameterType)))
                {
                    floating.Add($"method {Name(type)}.{method.Name}");
                }
            }
        }
        floating.ShouldBeEmpty("Money is Rupiah and shares are Rate or exact integers; never double/float/Half:\n  " + string.Join("\n  ", floating));
    }

    [Fact]
    public void The_library_depends_only_on_NodaTime_FluentValidation_Ardalis_Specification_and_the_runtime()
    {
        var others = Library.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n is not ("NodaTime" or "FluentValidation" or "Ardalis.Specification" or "netstandard" or "mscorlib") && !n.StartsWith("System", StringComparison.Ordinal) && !n.StartsWith("Microsoft.Win32", StringComparison.Ordinal))
            .ToList();
        others.ShouldBeEmpty("KubeCore references only NodaTime, FluentValidation and Ardalis.Specification besides the runtime:\n  " + string.Join("\n  ", others));
    }

    [Fact]
    public void The_library_never_reads_the_system_clock_or_does_file_or_network_io()
    {
        string[] forbidden = ["DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "SystemClock.Instance", "TimeProvider.System", "File.", "Directory.", "HttpClient", "Console."];
        var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "KubeCore"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }
            var code = EnforcerScanner.CodeOnly(File.ReadAllText(file));
            found.AddRange(forbidden.Where(f => ContainsToken(code, f)).Select(f => $"{relative}: {f}"));
        }
        found.ShouldBeEmpty("Time comes from an injected NodaTime IClock or a LocalDate argument; the core does no I/O:\n  " + string.Join("\n  ", found));
    }

    [Fact]
    public void Every_public_type_lives_in_a_KubeCore_namespace()
    {
        var outside = PublicTypes.Where(t => t.Namespace is not { } ns || !(ns == "KubeCore" || ns.StartsWith("KubeCore.", StringComparison.Ordinal))).Select(Name).ToList();
        outside.ShouldBeEmpty();
    }

    [Fact]
    public void The_conventions_see_the_whole_public_surface()
    {
        // Guards the reflection above against silently looking at nothing.
        PublicTypes.ShouldContain(typeof(RuleCatalogue));
        PublicTypes.Count().ShouldBeGreaterThan(20);
        IsInitOnly(typeof(KubeCore.Rules.Parameters.MembershipParameters).GetProperty(nameof(KubeCore.Rules.Parameters.MembershipParameters.MinMembers))!.SetMethod!).ShouldBeTrue();
    }

    private static bool IsInitOnly(MethodInfo setter) => setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsFloating(Type type)
    {
        var t = type.IsByRef || type.IsArray ? type.GetElementType()! : type;
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t == typeof(double) || t == typeof(float) || t == typeof(Half)
            || (t.IsGenericType && t.GetGenericArguments().Any(IsFloating));
    }

    private static bool ContainsToken(string code, string token)
    {
        for (var i = code.IndexOf(token, StringComparison.Ordinal); i >= 0; i = code.IndexOf(token, i + 1, StringComparison.Ordinal))
        {
            // A whole identifier: not the tail of a longer name (e.g. "Profile." for "File.").
            if (i == 0 || !(char.IsLetterOrDigit(code[i - 1]) || code[i - 1] == '_'))
            {
                return true;
            }
        }
        return false;
    }

    private static string Name(Type type) => type.FullName ?? type.Name;
}
