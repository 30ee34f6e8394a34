using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using ClusterAtlas.Links;

namespace ClusterAtlas.Accounts;

/// <summary>A link was asked for in a request whose address the configuration does not vouch for.</summary>
public sealed class UntrustedAddressException(string message) : InvalidOperationException(message);
