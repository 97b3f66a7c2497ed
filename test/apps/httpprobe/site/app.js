console.log("httpprobe");
