using System.Runtime.CompilerServices;
using FluentValidation;
using KubeCore.Rules;

namespace KubeCore.Tests.Support;

/// <summary>The test assembly opts in to KubeCore's messages the way a host does, once, before any test.</summary>
internal static class HostSetup
{
    [ModuleInitializer]
    internal static void UseKubeCoreMessages() =>
        ValidatorOptions.Global.LanguageManager = new KubeCoreLanguageManager();
}
